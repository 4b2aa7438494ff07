using System.Security.Cryptography;
using System.Text;

namespace Milestones.Infrastructure.Webhooks;

/// <summary>
/// <c>Milestones-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;raw body&gt;"&gt;</c>,
/// keyed with the whole secret string (<c>whsec_…</c>) as UTF-8, Stripe style.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Milestones-Signature";
    public const string EventHeader = "Milestones-Event";
    public const string DeliveryHeader = "Milestones-Delivery";

    public static string Header(string secret, long unixSeconds, string body) => $"t={unixSeconds},v1={Compute(secret, unixSeconds, body)}";

    public static string Compute(string secret, long unixSeconds, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}")));
}
