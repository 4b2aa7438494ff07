using Milestones.Domain.Events;

namespace Milestones.Domain.Tests;

public sealed class EventTypesTests
{
    [Theory]
    [InlineData("milestone.*", "milestone.status_changed", true)]
    [InlineData("milestone.*", "milestones.reordered", true)]
    [InlineData("milestone.*", "task.created", false)]
    [InlineData("task.*", "task.completed", true)]
    [InlineData("support.pledged", "support.pledged", true)]
    [InlineData("support.pledged", "support.withdrawn", false)]
    [InlineData("*", "project.deleted", true)]
    public void A_filter_selects_its_type_or_its_family(string filter, string type, bool selected)
    {
        Assert.Equal(selected, EventTypes.Matches([filter], type));
    }

    [Fact]
    public void Every_type_belongs_to_a_listed_family()
    {
        Assert.All(EventTypes.All, t => Assert.Contains(EventTypes.FamilyOf(t), EventTypes.Families));
    }

    [Fact]
    public void Types_and_families_are_filters_and_nothing_else_is()
    {
        Assert.True(EventTypes.IsFilter("milestone.created"));
        Assert.True(EventTypes.IsFilter("task.*"));
        Assert.False(EventTypes.IsFilter("milestone.exploded"));
        Assert.False(EventTypes.IsFilter("Milestone.created"));
        Assert.False(EventTypes.IsFilter("ping"));
    }
}
