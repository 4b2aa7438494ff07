using System.Linq.Expressions;

namespace Milestones.Application.Users;

public record ApiKeyDto
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }

    /// <summary>The one map from a key (never its secret or hash).</summary>
    public static readonly Expression<Func<ApiKey, ApiKeyDto>> Projection = k => new ApiKeyDto
    {
        Id = k.Id,
        UserId = k.UserId,
        Name = k.Name,
        Prefix = k.Prefix,
        Scopes = k.Scopes,
        CreatedAt = k.CreatedAt,
        LastUsedAt = k.LastUsedAt,
        ExpiresAt = k.ExpiresAt,
        RevokedAt = k.RevokedAt,
    };

    private static readonly Func<ApiKey, ApiKeyDto> InMemory = Projection.Compile();

    public static ApiKeyDto From(ApiKey key) => InMemory(key);
}
