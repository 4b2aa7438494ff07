using System.Reflection;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Domain.Enums;

namespace Milestones.Application.Tests.Queries;

/// <summary>The whole-project fast path of a milestone list cannot miss a filter: every one makes the filter non-empty.</summary>
public sealed class MilestoneFilterTests
{
    public static TheoryData<string> Filters() => [.. typeof(MilestoneFilter).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)];

    /// <summary><see cref="MilestoneFilter.None"/> with <paramref name="name"/> set to a value of its type that narrows something (whatever filter is added later).</summary>
    private static (MilestoneFilter Filter, object Value) Narrowed(string name, MilestoneFilter? start = null)
    {
        var property = typeof(MilestoneFilter).GetProperty(name)!;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object value = type switch
        {
            _ when type == typeof(string) => "term",
            _ when type == typeof(bool) => false,
            _ when type == typeof(DateTime) => DateTime.UnixEpoch,
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0)!,
            _ when type == typeof(IReadOnlyList<MilestoneStatus>) => new[] { MilestoneStatus.Reached },
            _ => throw new InvalidOperationException($"MilestoneFilter.{name} has a type ({type}) this test cannot fill: add it here."),
        };
        var filter = (start ?? MilestoneFilter.None) with { };
        property.SetValue(filter, value);
        return (filter, value);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Setting_any_filter_makes_the_filter_non_empty(string name)
    {
        // Arrange
        var (filter, value) = Narrowed(name);

        // Act / Assert
        Assert.False(filter.IsEmpty, $"{name} = {value} left the filter empty, so the project list would ignore it.");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Any_filter_beside_the_statuses_leaves_the_count_to_the_matching_milestones(string name)
    {
        // Arrange: a reached-only filter, which the project's counters count, narrowed once more.
        var (filter, value) = Narrowed(name, new MilestoneFilter { Status = [MilestoneStatus.Reached] });

        // Act / Assert
        Assert.True(name == nameof(MilestoneFilter.Status) || filter.Tally is null, $"{name} = {value} kept a counter's count, which would ignore it.");
    }

    [Fact]
    public void The_project_counters_count_all_the_reached_or_the_unreached_milestones_and_no_other_set()
    {
        Assert.Equal(MilestoneTally.Live, MilestoneFilter.None.Tally);
        Assert.Equal(MilestoneTally.Live, new MilestoneFilter { Status = [MilestoneStatus.Failed, MilestoneStatus.Reached, MilestoneStatus.InProgress, MilestoneStatus.Pending] }.Tally);
        Assert.Equal(MilestoneTally.Reached, new MilestoneFilter { Status = [MilestoneStatus.Reached, MilestoneStatus.Reached] }.Tally);
        Assert.Equal(MilestoneTally.NotReached, new MilestoneFilter { Status = [MilestoneStatus.Failed, MilestoneStatus.Pending, MilestoneStatus.InProgress] }.Tally);
        Assert.Null(new MilestoneFilter { Status = [MilestoneStatus.Pending] }.Tally);
        Assert.Null(new MilestoneFilter { Status = [MilestoneStatus.Pending, MilestoneStatus.Reached] }.Tally);
    }

    [Fact]
    public void No_filter_an_empty_status_list_and_an_empty_search_narrow_nothing()
    {
        Assert.True(MilestoneFilter.None.IsEmpty);
        Assert.True(new MilestoneFilter { Status = [], Search = "" }.IsEmpty);
    }
}
