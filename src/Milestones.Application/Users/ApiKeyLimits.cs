namespace Milestones.Application.Users;

/// <summary>
/// <c>Milestones:ApiKeys:MaxActivePerUser</c> (default 20): how many active (neither revoked nor expired) keys
/// one user may hold. Keys are what a rate limit would be counted by if it were per key, so they are capped
/// too, and the limit itself is counted per user (SPEC 7).
/// </summary>
public sealed record ApiKeyLimits(int MaxActivePerUser)
{
    public const string Setting = "Milestones:ApiKeys:MaxActivePerUser";
    public const int DefaultMaxActivePerUser = 20;

    public static ApiKeyLimits From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (text is null)
        {
            return new ApiKeyLimits(DefaultMaxActivePerUser);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) && max is >= 1 and <= 10_000
            ? new ApiKeyLimits(max)
            : throw new ArgumentException($"{Setting} must be a whole number from 1 to 10000, not '{text}'.");
    }
}
