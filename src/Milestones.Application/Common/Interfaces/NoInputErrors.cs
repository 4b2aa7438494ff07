namespace Milestones.Application.Common.Interfaces;

/// <summary>Outside HTTP (handler tests, hosted jobs) nothing is read from the wire.</summary>
public sealed class NoInputErrors : IInputErrors
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();
}
