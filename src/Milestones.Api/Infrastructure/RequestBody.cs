using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// Reads every request body (at most 1 MiB) into memory before the request goes further:
/// <list type="bullet">
/// <item>a body over 1 MiB is 413, by its Content-Length at once or, chunked, as soon as the limit is passed;</item>
/// <item>a read that Kestrel cancels while it shuts down (SIGTERM) is resumed, so an upload still
/// arriving completes and is answered normally instead of failing with OperationCanceledException;</item>
/// <item>what follows (model binding, the idempotency fingerprint) reads a complete, rewindable body;</item>
/// <item>a JSON body declared in any charset but UTF-8 is 415 naming that charset, before anything decodes it
/// (SPEC 7: JSON in UTF-8 only).</item>
/// </list>
/// </summary>
public sealed class RequestBodyMiddleware(RequestDelegate next)
{
    public const long MaxBytes = 1024 * 1024;
    private const int MaxResumedReads = 16;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            await TooLargeAsync(context, $"The request body is {request.ContentLength} bytes; the limit is {MaxBytes} bytes (1 MiB).");
            return;
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } || request.ContentLength == 0)
        {
            await next(context);
            return;
        }

        if (ForeignCharset(request.ContentType) is { } charset)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                $"The request body must be JSON in UTF-8; charset '{charset}' is not accepted. Send Content-Type: application/json (or application/json; charset=utf-8).");
            return;
        }

        var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var reader = request.BodyReader;
        var resumed = 0;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted);
            if (result.IsCanceled && result.Buffer.IsEmpty && !result.IsCompleted)
            {
                // Kestrel cancels pending reads when the server starts shutting down; the upload goes on.
                reader.AdvanceTo(result.Buffer.Start);
                if (++resumed > MaxResumedReads)
                {
                    throw new OperationCanceledException("The request body read kept being cancelled.");
                }

                continue;
            }

            foreach (var segment in result.Buffer)
            {
                body.Write(segment.Span);
            }

            reader.AdvanceTo(result.Buffer.End);
            if (body.Length > MaxBytes)
            {
                await TooLargeAsync(context, $"The request body is larger than {MaxBytes} bytes (1 MiB).");
                return;
            }

            if (result.IsCompleted)
            {
                break;
            }
        }

        body.Position = 0;
        request.Body = body;
        await next(context);
    }

    /// <summary>
    /// The charset a JSON body declares when it is not UTF-8, else null. A Content-Type that is not JSON, or that
    /// cannot be parsed, is left to content negotiation (415 for what is not JSON).
    /// </summary>
    public static string? ForeignCharset(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var charset = mediaType.Charset;
        if (!charset.HasValue)
        {
            return null;
        }

        var name = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(charset).ToString().Trim();
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? null
            : name[..Math.Min(name.Length, 40)];
    }

    private static Task TooLargeAsync(HttpContext context, string detail)
    {
        // The rest of an oversized body is not worth reading: close the connection after the answer.
        context.Response.Headers.Connection = "close";
        return ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, detail);
    }
}
