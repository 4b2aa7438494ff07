using Milestones.Domain.Common;
using Milestones.Domain.Events;

namespace Milestones.Domain.Entities;

/// <summary>
/// A project's subscription: every activity event its <see cref="Events"/> select is delivered to
/// <see cref="Url"/>, signed with <see cref="Secret"/> (<c>whsec_</c> + 32 base62 characters, shown
/// once). After <see cref="MaxConsecutiveFailures"/> failed deliveries in a row it is deactivated.
/// </summary>
public sealed class Webhook : AuditableEntity
{
    public const string SecretPrefix = "whsec_";
    public const int SecretRandomLength = 32;
    public const int MaxConsecutiveFailures = 20;
    public const int UrlMaxLength = 2_000;

    private string _events = "";

    private Webhook() { }

    public long ProjectId { get; private set; }

    public string Url { get; private set; } = "";

    /// <summary>Event types and families (<c>milestone.*</c>, <c>*</c>); see <see cref="EventTypes.Filters"/>.</summary>
    public IReadOnlyList<string> Events => _events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The signing key, kept as given: the HMAC needs it (unlike an API key, only a hash of which is stored).</summary>
    public string Secret { get; private set; } = "";

    public bool Active { get; private set; }

    /// <summary>Failed deliveries since the last delivered one; changed by atomic updates only.</summary>
    public int ConsecutiveFailures { get; private set; }

    public DateTime? DeactivatedAt { get; private set; }

    public static Webhook Subscribe(long projectId, string url, IEnumerable<string> events, string? secret, bool active, out string issuedSecret)
    {
        issuedSecret = secret ?? RandomSecret.Create(SecretPrefix, SecretRandomLength);
        RequireWellFormedSecret(issuedSecret);

        return new Webhook { ProjectId = projectId, Url = url, _events = JoinFilters(events), Secret = issuedSecret, Active = active };
    }

    public static bool IsWellFormedSecret(string secret) =>
        secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
        && secret.Length - SecretPrefix.Length is >= SecretRandomLength and <= 200
        && secret[SecretPrefix.Length..].All(char.IsAsciiLetterOrDigit);

    /// <summary>Whether an event of this type goes to this webhook now.</summary>
    public bool Selects(string eventType) => Active && EventTypes.Matches(Events, eventType);

    public void ChangeUrl(string url) => Url = url;

    public void ChangeEvents(IEnumerable<string> events) => _events = JoinFilters(events);

    /// <summary>A new secret takes effect with the next attempt; deliveries already signed are not re-sent.</summary>
    public void RotateSecret(string secret)
    {
        RequireWellFormedSecret(secret);
        Secret = secret;
    }

    /// <summary>Turned back on, it starts with a clean failure count.</summary>
    public void Activate()
    {
        if (!Active)
        {
            Active = true;
            ConsecutiveFailures = 0;
            DeactivatedAt = null;
        }
    }

    public void Pause() => Active = false;

    /// <summary>Its last <see cref="MaxConsecutiveFailures"/> deliveries failed: it stops, and says so in the activity log.</summary>
    public void Deactivate(DateTime now)
    {
        if (!Active || ConsecutiveFailures < MaxConsecutiveFailures)
        {
            throw new DomainException($"A webhook is deactivated only while active and after {MaxConsecutiveFailures} failed deliveries in a row.");
        }

        Active = false;
        DeactivatedAt = now;
        Raise(new WebhookDeactivated(this));
    }

    private static string JoinFilters(IEnumerable<string> events)
    {
        var filters = events.Distinct(StringComparer.Ordinal).ToList();
        if (filters.Count == 0 || filters.Any(f => !EventTypes.IsFilter(f)))
        {
            throw new DomainException($"A webhook's events are one or more of: {string.Join(", ", EventTypes.Filters)}.");
        }

        return string.Join(',', filters);
    }

    private static void RequireWellFormedSecret(string secret)
    {
        if (!IsWellFormedSecret(secret))
        {
            throw new DomainException($"A webhook secret is '{SecretPrefix}' followed by at least {SecretRandomLength} letters and digits.");
        }
    }
}
