// The ceiling of build/bench.sh: the same bearer check and the same response bytes as the API,
// and nothing else. Each request names its workload in X-Bench-Workload; the bytes (and status) of
// that workload's real API response were captured into CEILING_BODIES/<workload>.<status>.json.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var bearer = "Bearer " + (Environment.GetEnvironmentVariable("CEILING_KEY") ?? throw new InvalidOperationException("CEILING_KEY is not set."));
var bodies = Directory.GetFiles(Environment.GetEnvironmentVariable("CEILING_BODIES") ?? throw new InvalidOperationException("CEILING_BODIES is not set."), "*.json")
    .Select(path => Path.GetFileNameWithoutExtension(path).Split('.'))
    .ToDictionary(parts => parts[0], parts => (Status: int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
        Bytes: File.ReadAllBytes(Path.Combine(Environment.GetEnvironmentVariable("CEILING_BODIES")!, $"{parts[0]}.{parts[1]}.json"))));

app.Map("/{**path}", async (HttpContext context) =>
{
    if (context.Request.Headers.Authorization != bearer)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return;
    }

    if (!bodies.TryGetValue(context.Request.Headers["X-Bench-Workload"].ToString(), out var body))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    context.Response.StatusCode = body.Status;
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = body.Bytes.Length;
    await context.Response.Body.WriteAsync(body.Bytes);
});

app.Run();
