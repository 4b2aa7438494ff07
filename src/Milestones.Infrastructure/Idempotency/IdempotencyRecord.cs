namespace Milestones.Infrastructure.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one user on one route: the fingerprint of the request that first
/// used it and, once that request succeeded, its response. Written in the transaction of the change
/// it records, so neither exists without the other.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;
    public const int RouteMaxLength = 400;

    private IdempotencyRecord()
    {
    }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>Method and path, such as <c>POST /api/v1/milestones/7/tasks</c>: a key is scoped to the user and the route.</summary>
    public string Route { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the method, the path and query, and the body.</summary>
    public string Fingerprint { get; private set; } = "";

    public int StatusCode { get; private set; }

    /// <summary>The replayed response headers, one <c>Name: value</c> a line.</summary>
    public string Headers { get; private set; } = "";

    public byte[] Body { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public bool IsComplete => StatusCode != 0;

    public static IdempotencyRecord Start(long userId, string key, string route, string fingerprint, DateTime now, TimeSpan retention) => new()
    {
        UserId = userId,
        Key = key,
        Route = route,
        Fingerprint = fingerprint,
        CreatedAt = now,
        ExpiresAt = now + retention,
    };

    public void Complete(StoredResponse response)
    {
        if (response.StatusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(response), "A stored response needs an HTTP status code.");
        }

        StatusCode = response.StatusCode;
        Headers = string.Join('\n', response.Headers.Select(h => $"{h.Key}: {h.Value}"));
        Body = response.Body;
    }

    public StoredResponse ToResponse() => new(
        StatusCode,
        Headers.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => KeyValuePair.Create(parts[0], parts[1]))
            .ToList(),
        Body);
}

/// <summary>A response as it is stored for replay: status, the headers that describe the result, and the body bytes.</summary>
public sealed record StoredResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
