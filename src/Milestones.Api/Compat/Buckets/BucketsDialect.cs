namespace Milestones.Api.Compat.Buckets;

/// <summary>
/// Seed 003's words for failures: every validation failure is 422, a value the edge could not read
/// included; only an unknown parameter or field stays 400 (the strict contract), and 404 and 409 are as in <c>/api/v1</c>.
/// </summary>
public sealed class BucketsDialect : CompatDialect
{
    public override string Name => "buckets";

    public override bool AcceptsForms => true;

    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["title"] = "milestone_title", ["color"] = "milestone_color", ["milestoneIds"] = "milestones[]",
    };

    protected override (int Status, string Detail) Reword(int status, string detail, Exception? exception, IReadOnlyDictionary<string, string[]>? errors) =>
        status == 400 && errors is { Count: > 0 } && !errors.Values.SelectMany(v => v).Any(m => m.Contains(" is not a ", StringComparison.Ordinal) || m.Contains("appears", StringComparison.Ordinal))
            ? (422, detail)
            : (status, detail);
}
