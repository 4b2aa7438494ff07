namespace Milestones.Infrastructure.Webhooks;

/// <summary><c>Milestones:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Milestones:Webhooks";

    /// <summary>Runs the dispatcher in this instance (default true). The outbox is written either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one attempt may take, from connecting to the end of the answer's headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay after each failed attempt; past its end a delivery has failed. Empty: one attempt only.</summary>
    public string RetrySchedule { get; set; } = "00:01:00,00:05:00,00:30:00,02:00:00,06:00:00,12:00:00";

    /// <summary>Each delay is stretched or shrunk by up to this fraction at random, so retries of many deliveries spread out.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>How often the dispatcher looks for due deliveries when nothing woke it (retries, and deliveries committed by other instances).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>How many attempts this instance makes at once; a hanging receiver holds one of them until its time-out.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How long deliveries are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Lifts the https rule and the address checks (loopback, private, link-local, multicast): development and tests only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>A claimed delivery is this instance's until then; after a crash another instance takes it over.</summary>
    public TimeSpan Lease => Timeout + Timeout + TimeSpan.FromSeconds(5);

    public IReadOnlyList<TimeSpan> ParsedRetrySchedule() =>
        RetrySchedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    public bool HasValidRetrySchedule()
    {
        try
        {
            return ParsedRetrySchedule().All(d => d >= TimeSpan.Zero);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
