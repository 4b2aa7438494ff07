using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// Reads every request body (at most 1 MiB) into memory before the request goes further:
/// <list type="bullet">
/// <item>a body over 1 MiB is 413, by its Content-Length at once or, chunked, as soon as the limit is passed;</item>
/// <item>a read that Kestrel cancels while it shuts down (SIGTERM) is resumed, so an upload still
/// arriving completes and is answered normally instead of failing with OperationCanceledException;</item>
/// <item>what follows (model binding, the idempotency fingerprint) reads a complete, rewindable body.</item>
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

    private static Task TooLargeAsync(HttpContext context, string detail)
    {
        // The rest of an oversized body is not worth reading: close the connection after the answer.
        context.Response.Headers.Connection = "close";
        return ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, detail);
    }
}
