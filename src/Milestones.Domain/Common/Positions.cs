namespace Milestones.Domain.Common;

/// <summary>Positions of milestones in a project and of tasks in a milestone.</summary>
public static class Positions
{
    /// <summary>
    /// The largest position anything may take. Far below <see cref="int.MaxValue"/>, so appending after
    /// the last one, or moving a milestone's tasks behind another's, never wraps around.
    /// </summary>
    public const int Max = 1_000_000;

    /// <summary>The position after <paramref name="last"/> (1 when there is none), or null when it would pass <see cref="Max"/>.</summary>
    public static int? After(int? last) => (last ?? 0) < Max ? (last ?? 0) + 1 : null;
}

/// <summary>
/// Where a row arrives in an ordered list: its <paramref name="Position"/>, and whether rows already hold
/// it (<paramref name="Displaces"/>: they move down by one, in the reaction to the arrival's event).
/// A bare position converts to a slot at the end of the list, which displaces nothing.
/// </summary>
public readonly record struct Slot(int Position, bool Displaces)
{
    public static implicit operator Slot(int atTheEnd) => new(atTheEnd, Displaces: false);
}

/// <summary>A row of an ordered list (a project's categorised milestones, a milestone's tasks): live rows hold 1..N.</summary>
public interface IOrdered
{
    long Id { get; }

    int Position { get; }
}
