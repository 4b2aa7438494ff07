namespace Milestones.Infrastructure.Idempotency;

/// <summary><c>Milestones:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Milestones:Idempotency";

    /// <summary>How long a key is remembered (SPEC 7: 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the hosted clean-up removes expired keys.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
