using System.Text.RegularExpressions;
using Milestones.Application.Common.Exceptions;

namespace Milestones.Api.Compat;

/// <summary>
/// A seed dialect (SPEC 10), as endpoint metadata on its controller: the one place that words a
/// failure as the seed's document does. <see cref="Infrastructure.ProblemExceptionHandler"/> and the
/// edge's 400s (<see cref="Infrastructure.ProblemResponses.Result"/>) ask it for the seed's status and
/// message; the answer is still a problem document, with that message as <c>detail</c> and as <c>error</c>,
/// and its <c>errors</c> keyed by the seed's field names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class CompatDialect : Attribute
{
    public const string PathPrefix = "/compat";

    /// <summary>The dialect's name in its base URL and OpenAPI document: <c>/compat/{Name}</c>, <c>/openapi/compat-{Name}.json</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the seed sends form bodies (<see cref="FormBodyInputFormatter"/>); JSON is always accepted.</summary>
    public virtual bool AcceptsForms => false;

    /// <summary>Our field names as the seed spells them (title → content…), in messages and error keys.</summary>
    protected virtual IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>();

    /// <summary>The seed's status, message and error keys for a failure classified as <paramref name="status"/>; server faults are never reworded.</summary>
    public (int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors) Translate(int status, string detail, Exception? exception, IReadOnlyDictionary<string, string[]>? errors)
    {
        if (status is < 400 or >= 500)
        {
            return (status, detail, errors);
        }

        var renamed = (errors ?? (exception as ValidationFailedException)?.Errors)?.ToDictionary(e => Rename(e.Key), e => e.Value.Select(Rename).ToArray());
        var (seedStatus, seedDetail) = Reword(status, Rename(detail), exception, renamed);
        return (seedStatus, seedDetail, renamed);
    }

    protected virtual (int Status, string Detail) Reword(int status, string detail, Exception? exception, IReadOnlyDictionary<string, string[]>? errors) => (status, detail);

    private string Rename(string text) =>
        Fields.Count == 0 ? text : Regex.Replace(text, @"\b[A-Za-z]+\b", w => Fields.TryGetValue(w.Value, out var seed) ? seed : w.Value, RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The dialect of the endpoint serving <paramref name="context"/> (or that threw, once the exception handler has cleared it), if any.</summary>
    public static CompatDialect? Of(HttpContext context) =>
        Infrastructure.ServedEndpoint.Of(context)?.Metadata.GetMetadata<CompatDialect>();

    /// <summary>A request under <c>/compat/</c>: its problems carry the message as <c>error</c> too, as the seeds' clients read it.</summary>
    public static bool IsCompatPath(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.Ordinal);
}
