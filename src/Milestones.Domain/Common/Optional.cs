namespace Milestones.Domain.Common;

/// <summary>
/// A value that may be absent, as distinct from present-and-null: a PATCH field that was not
/// sent leaves the stored value alone, one sent as <c>null</c> clears it.
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional value is absent.");

    public static implicit operator Optional<T>(T value) => new(value);

    public override string ToString() => HasValue ? $"{_value}" : "(absent)";
}
