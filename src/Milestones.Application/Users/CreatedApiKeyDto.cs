namespace Milestones.Application.Users;

/// <summary>A newly issued key: the only time its secret (<see cref="Key"/>) is ever shown.</summary>
public sealed record CreatedApiKeyDto : ApiKeyDto
{
    public CreatedApiKeyDto(ApiKey key, string secret)
        : base(From(key)) => Key = secret;

    public string Key { get; init; } = "";
}
