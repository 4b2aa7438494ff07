using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Milestones.Application.Common.Interfaces;
using Milestones.Infrastructure.Idempotency;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on a POST (SPEC 7): the first request with a key runs inside a transaction
/// that also stores the key, the request's fingerprint and, when it succeeds, its response; a repeat
/// with the same body gets that response again with <c>Idempotent-Replayed: true</c> and changes
/// nothing; another body with the same key is 422. A failed request stores nothing (it changed
/// nothing either), so it may be retried with the same key. Keys are scoped to the user and the operation
/// as routing resolved it (<see cref="OperationOf"/>), so every spelling of one path shares one key space.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly string[] ReplayedHeaders = [HeaderNames.Location, HeaderNames.ETag, HeaderNames.ContentType];

    public async Task InvokeAsync(HttpContext context, IUser user, IdempotencyStore store)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(KeyHeader, out var values)
            || user.Id is not { } userId
            || context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > IdempotencyRecord.KeyMaxLength || key.Any(c => c is < ' ' or > '~'))
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest,
                $"{KeyHeader} must be one value of 1 to {IdempotencyRecord.KeyMaxLength} printable ASCII characters, such as a UUID.",
                new Dictionary<string, string[]> { [KeyHeader] = [$"Send one value of 1 to {IdempotencyRecord.KeyMaxLength} printable ASCII characters."] });
            return;
        }

        if (OperationOf(context) is not { } route || route.Length > IdempotencyRecord.RouteMaxLength)
        {
            await next(context);
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request, route, context.RequestAborted);
        switch (await store.ClaimAsync(userId, key, route, fingerprint, context.RequestAborted))
        {
            case IdempotencyClaim.Replay replay:
                await ReplayAsync(context, replay.Response);
                return;
            case IdempotencyClaim.Mismatch:
                await ProblemResponses.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                    $"This {KeyHeader} was already used for a different request; send a new key for a new request.",
                    new Dictionary<string, string[]> { [KeyHeader] = ["The key was used with another request body; use a new key."] });
                return;
            case IdempotencyClaim.InProgress:
                context.Response.Headers.RetryAfter = "1";
                await ProblemResponses.WriteAsync(context, StatusCodes.Status409Conflict,
                    $"A request with this {KeyHeader} is still being processed; retry in a second to get its response.");
                return;
            case IdempotencyClaim.Started started:
                await using (started.Session)
                {
                    await RunAndStoreAsync(context, started.Session);
                }

                return;
        }
    }

    /// <summary>Runs the request with its response held back, stores a success with the key and commits, then sends it.</summary>
    private async Task RunAndStoreAsync(HttpContext context, IdempotencySession session)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (status is >= 200 and < 300)
        {
            var headers = ReplayedHeaders
                .Where(name => context.Response.Headers.ContainsKey(name))
                .Select(name => KeyValuePair.Create(name, context.Response.Headers[name].ToString()))
                .ToList();
            await session.CompleteAsync(new StoredResponse(status, headers, buffer.ToArray()), context.RequestAborted);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        foreach (var (name, value) in stored.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        context.Response.ContentLength = stored.Body.Length;
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>
    /// The operation a request names, as routing resolved it: the method, the route template and its values,
    /// each number in its canonical form (<c>05</c> is <c>5</c>) and every other value lower-case (usernames are
    /// case-insensitive). <c>/api/v1/milestones/5/supports</c>, <c>/API/V1/Milestones/05/supports/</c> and any other
    /// spelling of the same operation give the same text. Null when no route endpoint answers the request.
    /// </summary>
    public static string? OperationOf(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return null;
        }

        var operation = new StringBuilder(context.Request.Method).Append(' ').Append(endpoint.RoutePattern.RawText);
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var value = context.Request.RouteValues.TryGetValue(parameter.Name, out var raw) ? Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
            var canonical = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : value.ToLowerInvariant();
            operation.Append(' ').Append(parameter.Name).Append('=').Append(canonical);
        }

        return operation.ToString();
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, string operation, CancellationToken cancellationToken)
    {
        request.EnableBuffering(); // already a rewindable copy (RequestBodyMiddleware); kept safe for any other
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{operation}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
