using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Milestones.Application.Common.Telemetry;

/// <summary>
/// The service's own spans and business metrics (SPEC 8), on the BCL's <see cref="ActivitySource"/>
/// and <see cref="Meter"/>: the host decides whether OpenTelemetry listens and where it exports.
/// </summary>
public static class Telemetry
{
    public const string Name = "Milestones";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>
    /// Money pledged, by the pledges saved. A <c>double</c>: OpenTelemetry exports only long and double
    /// instruments and silently drops a <c>Counter&lt;decimal&gt;</c> (the amount itself stays exact in the database).
    /// </summary>
    public static readonly Counter<double> PledgedAmount = Meter.CreateCounter<double>("milestones.pledged.amount", "{currency}", "Amount pledged to milestones.");

    /// <summary>Requests the rate limiter refused (429).</summary>
    public static readonly Counter<long> RateLimitRejected = Meter.CreateCounter<long>("milestones.rate_limit.rejected", "{request}", "Requests rejected by the rate limiter.");

    /// <summary>Deadline sweeps run.</summary>
    public static readonly Counter<long> DeadlineSweeps = Meter.CreateCounter<long>("milestones.deadline.sweeps", "{sweep}", "Deadline sweeps run.");

    /// <summary>Milestones a deadline sweep failed or flagged.</summary>
    public static readonly Counter<long> DeadlineMilestones = Meter.CreateCounter<long>("milestones.deadline.milestones", "{milestone}", "Milestones whose missed deadline a sweep handled.");

    /// <summary>Webhook delivery attempts, tagged <c>outcome</c>: delivered, retrying (failed, another attempt is scheduled) or failed (for good).</summary>
    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>("milestones.webhook.deliveries", "{attempt}", "Webhook delivery attempts by outcome.");
}
