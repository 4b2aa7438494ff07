namespace Milestones.Application.Common.Exceptions;

/// <summary>422: the request is well-formed but its values are not acceptable.</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException(IDictionary<string, string[]> errors)
        : base(Describe(errors))
    {
        Errors = new Dictionary<string, string[]>(errors);
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string Describe(IDictionary<string, string[]> errors) =>
        errors.Count == 0
            ? "One or more validation errors occurred."
            : string.Join(" ", errors.SelectMany(e => e.Value));
}
