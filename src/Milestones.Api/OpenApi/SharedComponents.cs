using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Milestones.Api.OpenApi;

/// <summary>
/// What every operation repeats is written once: each response header (<c>RateLimit-*</c>, <c>ETag</c>…)
/// as a <c>components/headers</c> entry, each header parameter (<c>If-Match</c>, <c>Idempotency-Key</c>…)
/// as a <c>components/parameters</c> entry, and each answer that is not a success (304, and the
/// problems 400 … 503), which is the same with the same headers wherever it occurs, as a
/// <c>components/responses</c> entry; operations refer to them. The document says the same and is a fraction of the size (issue 25: 545 KB, with the
/// three <c>RateLimit-*</c> headers written out in 396 responses).
/// </summary>
public static class SharedComponents
{
    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var headers = document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        var responses = document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        var parameters = document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            for (var i = 0; i < (operation.Parameters?.Count ?? 0); i++)
            {
                if (operation.Parameters![i] is OpenApiParameter { In: ParameterLocation.Header, Name: { } name } header)
                {
                    parameters.TryAdd(name, header);
                    operation.Parameters[i] = new OpenApiParameterReference(name, document);
                }
            }

            foreach (var (status, response) in operation.Responses?.ToList() ?? [])
            {
                if (response is not OpenApiResponse concrete)
                {
                    continue;
                }

                foreach (var (name, header) in concrete.Headers?.ToList() ?? [])
                {
                    if (header is OpenApiHeader described)
                    {
                        headers.TryAdd(name, described);
                        concrete.Headers![name] = new OpenApiHeaderReference(name, document);
                    }
                }

                if (int.TryParse(status, out var code) && code >= 300)
                {
                    var key = code >= 400 ? ProblemResponseName(code) : "NotModified";
                    responses.TryAdd(key, concrete);
                    operation.Responses![status] = new OpenApiResponseReference(key, document);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>"Problem404NotFound": the status first, so the shared answers sort in order.</summary>
    private static string ProblemResponseName(int status) =>
        $"Problem{status}" + string.Concat(Infrastructure.ProblemResponses.TitleFor(status).Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
