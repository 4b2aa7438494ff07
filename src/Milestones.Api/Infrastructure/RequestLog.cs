using System.Diagnostics;
using System.Security.Claims;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// One log line per request (category <c>Milestones.Requests</c>): method, route, status, elapsed
/// time, trace id and user id; never the key or the query string. Echoes <c>X-Request-Id</c>: the
/// client's (up to 128 visible ASCII characters), or the trace id when none is sent.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string RequestIdHeader = "X-Request-Id";
    private readonly ILogger _log = loggers.CreateLogger("Milestones.Requests");

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var sent = context.Request.Headers[RequestIdHeader].ToString();
        var requestId = sent.Length is > 0 and <= 128 && sent.All(c => c is > ' ' and <= '~') ? sent : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIdHeader] = requestId;
            return Task.CompletedTask;
        });

        try
        {
            await next(context);
        }
        finally
        {
            // The interactive docs' static files are not requests to the API: no line each.
            if (_log.IsEnabled(LogLevel.Information) && !context.Request.Path.StartsWithSegments("/docs", StringComparison.Ordinal))
            {
                // The route template on every status, a failure's included (ServedEndpoint).
                var route = (ServedEndpoint.Of(context) as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
                Log(_log, context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier, context.User.FindFirstValue(ClaimTypes.NameIdentifier), requestId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {Status} in {ElapsedMs:0.0} ms trace {TraceId} user {UserId} request {RequestId}")]
    private static partial void Log(ILogger logger, string method, string route, int status, double elapsedMs, string traceId, string? userId, string requestId);
}
