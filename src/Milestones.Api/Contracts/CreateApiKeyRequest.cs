
namespace Milestones.Api.Contracts;

/// <summary>A new API key; its secret is shown once, in the answer.</summary>
public sealed record CreateApiKeyRequest
{
    [ContractRequired]
    public string? Name { get; init; }

    [ContractRequired]
    public IReadOnlyList<string>? Scopes { get; init; }

    public DateTime? ExpiresAt { get; init; }
}
