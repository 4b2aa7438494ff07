using Milestones.Application.Common.Serialization;

namespace Milestones.Application.Common.Behaviours;

/// <summary>
/// A command that may be made conditional on the version of the resource the client last read
/// (the Api reads it from <c>If-Match</c>); it names the query whose result is the current representation.
/// </summary>
public interface IConditionalCommand
{
    /// <summary>Versions the client accepts (any one may be current); null when the command is unconditional.</summary>
    IReadOnlyList<string>? ExpectedVersions { get; }

    IMessage CurrentRepresentationQuery();
}
