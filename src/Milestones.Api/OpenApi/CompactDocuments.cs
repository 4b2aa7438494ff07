using System.Text.Json;

namespace Milestones.Api.OpenApi;

/// <summary>
/// The OpenAPI documents are served without indentation (the generator writes them indented, a third
/// of their size in spaces); the committed copies in <c>clients/openapi</c> stay indented for review,
/// and the contract test compares them as JSON.
/// </summary>
public static class CompactDocuments
{
    public static async Task Serve(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }

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

        buffer.Position = 0;
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        using var document = await JsonDocument.ParseAsync(buffer, cancellationToken: context.RequestAborted);
        context.Response.ContentLength = null;
        await using var writer = new Utf8JsonWriter(original, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        document.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
