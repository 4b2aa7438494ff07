using Microsoft.Net.Http.Headers;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// SPEC 5: an API request whose <c>Accept</c> admits neither <c>application/json</c> nor
/// <c>application/problem+json</c> (such as <c>application/xml</c>, or <c>application/*;q=0</c>) is 406
/// before anything runs, instead of a JSON answer the client said it cannot read. No <c>Accept</c>, or
/// one with <c>*/*</c>, admits JSON.
/// </summary>
public static class AcceptableResponses
{
    private static readonly string[] Admitting = ["*/*", "application/*", "application/json", "application/problem+json"];

    public static async Task RejectUnacceptable(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api") && !AdmitsJson(context.Request.Headers.Accept))
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status406NotAcceptable,
                $"This API answers application/json (and application/problem+json for errors); the Accept header '{context.Request.Headers.Accept}' admits neither.");
            return;
        }

        await next(context);
    }

    /// <summary>True when the header is absent or one of its ranges (with q &gt; 0) covers JSON or problem JSON; an unreadable header admits JSON.</summary>
    public static bool AdmitsJson(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return true;
        }

        // Type and subtype decide (a charset or other parameter does not narrow JSON away); q=0 refuses.
        return ranges.Any(r => r.Quality is not 0 && Admitting.Contains(r.MediaType.Value, StringComparer.OrdinalIgnoreCase));
    }
}
