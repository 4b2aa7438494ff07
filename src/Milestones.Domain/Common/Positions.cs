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
