namespace Milestones.Api.Compat.Projects;

/// <summary>
/// Seed 002's words for failures: <c>id</c>, <c>projectId</c> and <c>createdAt</c> sent in a PATCH are the
/// edge's 400 for a property the body does not have, worded as the seed's rule ("id cannot be changed.");
/// everything else as <c>/api/v1</c>.
/// </summary>
public sealed class ProjectsDialect : CompatDialect
{
    public const string CannotChange = "cannot be changed.";

    public static readonly string[] Immutable = ["id", "projectId", "createdAt"];

    public override string Name => "projects";

    protected override (int Status, string Detail) Reword(int status, string detail, Exception? exception, IReadOnlyDictionary<string, string[]>? errors) =>
        status == 400 && errors is not null && errors.Keys.Where(k => Immutable.Contains(k)).ToList() is { Count: > 0 } immutable
            ? (400, string.Join(" ", immutable.Select(f => $"{f} {CannotChange}")))
            : (status, detail);
}
