using System.Reflection;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Domain.Enums;

namespace Milestones.Application.Tests.Queries;

/// <summary>The whole-project fast path of a milestone list cannot miss a filter: every one makes the filter non-empty.</summary>
public sealed class MilestoneFilterTests
{
    public static TheoryData<string> Filters() => [.. typeof(MilestoneFilter).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Filters))]
    public void Setting_any_filter_makes_the_filter_non_empty(string name)
    {
        // Arrange: a value of the property's type that narrows something (whatever filter is added later).
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
        var filter = MilestoneFilter.None with { };
        property.SetValue(filter, value);

        // Act / Assert
        Assert.False(filter.IsEmpty, $"{name} = {value} left the filter empty, so the project list would ignore it.");
    }

    [Fact]
    public void No_filter_an_empty_status_list_and_an_empty_search_narrow_nothing()
    {
        Assert.True(MilestoneFilter.None.IsEmpty);
        Assert.True(new MilestoneFilter { Status = [], Search = "" }.IsEmpty);
    }
}
