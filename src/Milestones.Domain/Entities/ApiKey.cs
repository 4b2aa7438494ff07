using System.Security.Cryptography;
using System.Text;
using Milestones.Domain.Common;

namespace Milestones.Domain.Entities;

/// <summary>
/// An API key. The secret (<c>sk_live_</c> + 40 base62 characters) is returned once by
/// <see cref="Issue"/>; only its SHA-256 hash is kept.
/// </summary>
public sealed class ApiKey : BaseEntity
{
    public const string SecretPrefix = "sk_live_";
    public const int PrefixLength = 12;
    private const int RandomLength = 40;

    private ApiKey() { }

    public long UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public string SecretHash { get; private set; } = "";

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public static ApiKey Issue(long userId, string name, IEnumerable<string> scopes, DateTime? expiresAt, DateTime now, out string secret)
    {
        secret = NewSecret();
        return FromSecret(userId, name, scopes, expiresAt, now, secret);
    }

    /// <summary>Registers a secret chosen elsewhere (the bootstrap key from configuration).</summary>
    public static ApiKey FromSecret(long userId, string name, IEnumerable<string> scopes, DateTime? expiresAt, DateTime now, string secret)
    {
        var scopeList = scopes.Distinct(StringComparer.Ordinal).ToList();
        if (scopeList.Count == 0 || scopeList.Any(s => !Common.Scopes.All.Contains(s)))
        {
            throw new ArgumentException("An API key needs at least one known scope.", nameof(scopes));
        }

        return new ApiKey
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..Math.Min(PrefixLength, secret.Length)],
            SecretHash = Hash(secret),
            Scopes = scopeList,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public bool HasScope(string scope) => Scopes.Contains(scope);

    public void Revoke(DateTime now)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("This API key is already revoked.");
        }

        RevokedAt = now;
    }

    private static string NewSecret() => RandomSecret.Create(SecretPrefix, RandomLength);
}
