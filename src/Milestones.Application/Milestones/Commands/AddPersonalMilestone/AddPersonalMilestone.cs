using System.Globalization;
using Milestones.Application.Common.Ordering;

namespace Milestones.Application.Milestones.Commands.AddPersonalMilestone;

/// <summary>
/// A milestone in the caller's personal project (created, public and named after the username, on the
/// first one): what the artist dialect's <c>add</c> does (seed 000, decision record 19). Its title comes
/// from the description's first line, made unique in the project, or is <c>Milestone N</c>.
/// </summary>
[RequiresScope(Scopes.Write)]
public sealed record AddPersonalMilestoneCommand(decimal? Goal, string? Description) : ICommand<MilestoneDto>;

public sealed class AddPersonalMilestoneValidator : AbstractValidator<AddPersonalMilestoneCommand>
{
    public AddPersonalMilestoneValidator()
    {
        RuleFor(x => x.Goal).NotNull().WithMessage("goal is required: the amount to be earned for the milestone to be met.")
            .GoalAmount().OverridePropertyName("goal");
        RuleFor(x => x.Description).MilestoneDescription();
    }
}

public sealed class AddPersonalMilestoneHandler(IApplicationDbContext db, IUser caller, TimeProvider clock)
    : ICommandHandler<AddPersonalMilestoneCommand, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(AddPersonalMilestoneCommand command, CancellationToken cancellationToken)
    {
        var userId = caller.Id ?? throw new UnauthorizedException();
        var now = clock.GetUtcNow().UtcDateTime;
        var project = await db.Projects.FirstOrDefaultAsync(p => p.PersonalOwnerId == userId, cancellationToken);
        if (project is not null)
        {
            // As every command in a project (TransactionBehaviour): the project's writes run one at a time.
            await db.LockProjectsAsync([project.Id], cancellationToken);
        }
        else
        {
            // Two first adds at once: the unique personal-project index lets one in, the other is a 409 to retry.
            var username = await db.Users.Where(u => u.Id == userId).Select(u => u.Username).FirstAsync(cancellationToken);
            project = Project.CreatePersonal(userId, username, now, out var defaultMilestone);
            db.Projects.Add(project);
            db.Milestones.Add(defaultMilestone);
            await db.SaveChangesAsync(cancellationToken);
        }

        var description = command.Description ?? "";
        var title = await FreeTitleAsync(project, TitleFrom(description), cancellationToken);
        var position = await db.MilestoneList(project.Id).ArrivalSlotAsync(null, cancellationToken);
        var milestone = Milestone.Create(project.Id, new MilestoneDraft { Title = title, Description = description, GoalAmount = command.Goal }, position, userId, now);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return await db.MilestoneDtoAsync(milestone.Id, now, cancellationToken);
    }

    /// <summary>The description's first line, at most a title's length (whole characters), or null when it has none.</summary>
    public static string? TitleFrom(string description)
    {
        var line = description.Split('\n', 2)[0].Trim();
        if (line.Length == 0)
        {
            return null;
        }

        var elements = StringInfo.GetTextElementEnumerator(line);
        var end = 0;
        while (elements.MoveNext() && elements.ElementIndex + ((string)elements.Current).Length <= Milestone.TitleMaxLength)
        {
            end = elements.ElementIndex + ((string)elements.Current).Length;
        }

        return line[..end].TrimEnd();
    }

    // The wanted title, or "Milestone N" when there is none; " (2)", " (3)"… until no live milestone of the project has it.
    private async Task<string> FreeTitleAsync(Project project, string? wanted, CancellationToken ct)
    {
        var stem = wanted ?? $"Milestone {project.MilestonesTotal + 1}";
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : $" ({n})";
            var candidate = (stem.Length + suffix.Length > Milestone.TitleMaxLength ? stem[..(Milestone.TitleMaxLength - suffix.Length)].TrimEnd() : stem) + suffix;
            var normalized = Milestone.NormalizeTitle(candidate);
            if (!await db.Milestones.AnyAsync(m => m.ProjectId == project.Id && m.NormalizedTitle == normalized, ct))
            {
                return candidate;
            }
        }
    }
}
