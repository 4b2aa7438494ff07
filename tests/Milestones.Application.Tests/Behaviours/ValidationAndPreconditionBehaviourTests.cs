using FluentValidation;
using Mediator;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Serialization;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Common.Interfaces;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;
using Moq;
using Milestones.Application.Common.Exceptions;

namespace Milestones.Application.Tests.Behaviours;

public sealed record Renamable(string Name) : IQuery<string>;

public sealed record ConditionalRename(IReadOnlyList<string>? ExpectedVersions) : ICommand<string>, IConditionalCommand
{
    public IMessage CurrentRepresentationQuery() => new Renamable("current");
}

public sealed class ValidationAndPreconditionBehaviourTests
{
    static ValidationAndPreconditionBehaviourTests() => Application.DependencyInjection.AddApplication(
        new Microsoft.Extensions.DependencyInjection.ServiceCollection(),
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    [Fact]
    public async Task Invalid_messages_and_unreadable_values_never_reach_the_handler_and_errors_are_keyed_by_json_path()
    {
        var unreadable = new Mock<IInputErrors>();
        unreadable.Setup(i => i.Errors).Returns(new Dictionary<string, string[]> { ["status"] = ["status must be one of: pending, in_progress, reached, failed."] });
        var behaviour = new ValidationBehaviour<CreateMilestoneCommand, int>([new CreateMilestoneValidator()], unreadable.Object);
        var command = new CreateMilestoneCommand(1, new MilestoneDraft { Title = "", GoalAmount = -1 }, 0, [new TaskDraft("", false)]);
        var ran = false;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await behaviour.Handle(command, (_, _) => { ran = true; return ValueTask.FromResult(1); }, CancellationToken.None));

        Assert.False(ran);
        Assert.Contains("title", error.Errors.Keys);
        Assert.Contains("status", error.Errors.Keys);
        Assert.Contains("position", error.Errors.Keys);
        Assert.Contains("goalAmount", error.Errors.Keys);
        Assert.Contains("tasks[0].title", error.Errors.Keys);
    }

    [Fact]
    public async Task Valid_messages_pass_through()
    {
        var behaviour = new ValidationBehaviour<CreateMilestoneCommand, int>([new CreateMilestoneValidator()], new NoInputErrors());

        var result = await behaviour.Handle(new CreateMilestoneCommand(1, new MilestoneDraft { Title = "Beta", Status = MilestoneStatus.InProgress, Color = MilestoneColor.Info, GoalAmount = 10.5m }, 2),
            (_, _) => ValueTask.FromResult(7), CancellationToken.None);

        Assert.Equal(7, result);
    }

    [Fact]
    public async Task A_stale_expected_version_fails_the_precondition_and_the_command_never_runs()
    {
        var sender = new Mock<ISender>();
        sender.Setup(s => s.Send(It.IsAny<object>(), It.IsAny<CancellationToken>())).ReturnsAsync((object?)new { name = "current" });
        var behaviour = new PreconditionBehaviour<ConditionalRename, string>(sender.Object);
        var ran = false;

        await Assert.ThrowsAsync<PreconditionFailedException>(async () =>
            await behaviour.Handle(new ConditionalRename(["stale"]), (_, _) => { ran = true; return ValueTask.FromResult("ran"); }, CancellationToken.None));

        Assert.False(ran);
    }

    [Fact]
    public async Task Any_matching_expected_version_runs_the_command()
    {
        var current = new { name = "current" };
        var sender = new Mock<ISender>();
        sender.Setup(s => s.Send(It.IsAny<object>(), It.IsAny<CancellationToken>())).ReturnsAsync((object?)current);
        var behaviour = new PreconditionBehaviour<ConditionalRename, string>(sender.Object);

        var result = await behaviour.Handle(new ConditionalRename(["other", Versions.Of(current)]), (_, _) => ValueTask.FromResult("ran"), CancellationToken.None);

        Assert.Equal("ran", result);
    }

    [Fact]
    public async Task Without_an_expected_version_nothing_is_fetched()
    {
        var sender = new Mock<ISender>(MockBehavior.Strict);
        var behaviour = new PreconditionBehaviour<ConditionalRename, string>(sender.Object);

        Assert.Equal("ran", await behaviour.Handle(new ConditionalRename(null), (_, _) => ValueTask.FromResult("ran"), CancellationToken.None));
    }
}
