namespace Milestones.Domain.Common;

public static class Money
{
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>True when the amount has no more than two decimal places.</summary>
    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>What a money field with more decimals is told, wherever it is caught (the validators, or the edge reading the number as written).</summary>
    public static string TooManyDecimals(string field) => $"{field} must have at most 2 decimals.";

    /// <summary>Whole percent of <paramref name="raised"/> over <paramref name="goal"/>, rounded down, clamped to 0..100.</summary>
    public static int? FundingPercent(decimal raised, decimal? goal)
    {
        if (goal is not { } g || g <= 0)
        {
            return null;
        }

        var percent = decimal.Floor(raised * 100m / g);
        return (int)Math.Clamp(percent, 0m, 100m);
    }
}
