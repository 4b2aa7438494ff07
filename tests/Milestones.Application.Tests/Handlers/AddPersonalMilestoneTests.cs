using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones.Commands.AddPersonalMilestone;
using Milestones.Domain.Enums;

namespace Milestones.Application.Tests.Handlers;

public sealed class AddPersonalMilestoneTests : HandlerTestBase
{
    [Fact]
    public async Task The_first_add_creates_the_personal_project_and_later_ones_reuse_it()
    {
        var first = await SendAsync(new AddPersonalMilestoneCommand(10m, "Penguins"));
        var second = await SendAsync(new AddPersonalMilestoneCommand(20m, "Dragons"));

        Assert.Equal(first.ProjectId, second.ProjectId);
        var project = await DbAsync(db => db.Projects.SingleAsync(p => p.Id == first.ProjectId));
        Assert.Equal((UserId, (long?)UserId, Visibility.Public, 2), (project.OwnerId, project.PersonalOwnerId, project.Visibility, project.MilestonesTotal));
        Assert.Equal([1, 2], [first.Position, second.Position]);
    }

    [Fact]
    public async Task A_missing_goal_creates_nothing()
    {
        await Assert.ThrowsAsync<ValidationFailedException>(async () => await SendAsync(new AddPersonalMilestoneCommand(null, "No goal")));

        Assert.Equal(0, await DbAsync(db => db.Projects.CountAsync()));
    }

    [Theory]
    [InlineData("One line", "One line")]
    [InlineData("  First line  \nsecond line", "First line")]
    [InlineData("\n\nlater", null)]
    [InlineData("", null)]
    public void The_title_is_the_descriptions_first_line(string description, string? title) =>
        Assert.Equal(title, AddPersonalMilestoneHandler.TitleFrom(description));

    [Fact]
    public void A_long_first_line_is_cut_at_200_whole_characters_never_inside_one()
    {
        var line = new string('a', 199) + "👍🏽" + "tail"; // the emoji and its skin tone are one character of four UTF-16 units

        Assert.Equal(new string('a', 199), AddPersonalMilestoneHandler.TitleFrom(line));
    }
}
