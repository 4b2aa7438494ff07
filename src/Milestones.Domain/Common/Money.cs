namespace Milestones.Domain.Common;

public static class Money
{
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>True when the amount has no more than two decimal places.</summary>
    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

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
