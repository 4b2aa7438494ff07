using Milestones.Domain.Common;
using Milestones.Domain.Enums;
using Milestones.Domain.Events;

namespace Milestones.Domain.Entities;

public sealed class Project : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;

    private readonly List<ProjectMember> _members = [];

    private Project() { }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public Visibility Visibility { get; private set; }

    public DeadlinePolicy DeadlinePolicy { get; private set; } = DeadlinePolicy.Fail;

    public long OwnerId { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    /// <summary>
    /// Set on a user's personal project (at most one live per user): where the artist dialect (seed 000)
    /// keeps that user's milestones. A deleted project is nobody's personal project any more.
    /// </summary>
    public long? PersonalOwnerId { get; private set; }

    /// <summary>Live categorised milestones (the default milestone is not counted).</summary>
    public int MilestonesTotal { get; private set; }

    public int MilestonesReached { get; private set; }

    public int TasksTotal { get; private set; }

    public int TasksCompleted { get; private set; }

    public IReadOnlyCollection<ProjectMember> Members => _members.AsReadOnly();

    /// <summary>
    /// A new project: its creator becomes its admin, and its default "Uncategorised" milestone
    /// is created with it (returned through <paramref name="defaultMilestone"/>).
    /// </summary>
    public static Project Create(string name, string? description, Visibility visibility, long ownerId, DateTime now, out Milestone defaultMilestone, DeadlinePolicy deadlinePolicy = DeadlinePolicy.Fail)
    {
        var project = new Project
        {
            Name = Text.Nfc(name),
            Description = Text.Nfc(description ?? ""),
            Visibility = visibility,
            DeadlinePolicy = deadlinePolicy,
            OwnerId = ownerId,
        };
        project._members.Add(new ProjectMember(ownerId, ProjectRole.Admin, now));
        defaultMilestone = Milestone.CreateDefault(project, ownerId);
        project.Raise(new ProjectCreated(project));
        return project;
    }

    /// <summary>A user's personal project: public, owned by the user, named after the username.</summary>
    public static Project CreatePersonal(long ownerId, string username, DateTime now, out Milestone defaultMilestone)
    {
        var project = Create(username, null, Visibility.Public, ownerId, now, out defaultMilestone);
        project.PersonalOwnerId = ownerId;
        return project;
    }

    public ProjectRole? RoleOf(long? userId) =>
        userId is null ? null : _members.FirstOrDefault(m => m.UserId == userId)?.Role;

    /// <summary>Applies a partial update: only the fields present in <paramref name="patch"/> change.</summary>
    public void Update(ProjectChanges patch)
    {
        var changes = new Dictionary<string, object?>();
        if (patch.Name?.Trim() is { } sent && Text.Nfc(sent) is var name && name != Name)
        {
            changes["name"] = Name = name;
        }

        if (patch.Description is { } sentDescription && Text.Nfc(sentDescription) is var description && description != Description)
        {
            changes["description"] = Description = description;
        }

        if (patch.Visibility is { } v && v != Visibility)
        {
            Visibility = v;
            changes["visibility"] = v;
        }

        if (patch.DeadlinePolicy is { } policy && policy != DeadlinePolicy)
        {
            DeadlinePolicy = policy;
            changes["deadlinePolicy"] = policy;
        }

        if (changes.Count > 0)
        {
            Raise(new ProjectUpdated(this, changes));
        }
    }

    public void SoftDelete(DateTime now)
    {
        DeletedAt = now;
        PersonalOwnerId = null;
        Raise(new ProjectDeleted(this));
    }

    /// <summary>Adds a member, or changes a member's role. The last admin cannot be demoted.</summary>
    public void SetMemberRole(long userId, ProjectRole role, DateTime now)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId);
        if (member is null)
        {
            _members.Add(new ProjectMember(userId, role, now));
            Raise(new MemberAdded(this, userId, role));
            return;
        }

        if (member.Role == role)
        {
            return;
        }

        if (member.Role == ProjectRole.Admin && IsLastAdmin(userId))
        {
            throw new DomainException("The last admin of a project cannot be demoted; make another member admin first.");
        }

        var from = member.Role;
        member.ChangeRole(role);
        Raise(new MemberRoleChanged(this, userId, from, role));
    }

    public void RemoveMember(long userId)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId)
            ?? throw new KeyNotFoundException($"User {userId} is not a member of project {Id}.");

        if (member.Role == ProjectRole.Admin && IsLastAdmin(userId))
        {
            throw new DomainException("The last admin of a project cannot be removed; make another member admin first.");
        }

        _members.Remove(member);
        Raise(new MemberRemoved(this, userId));
    }

    /// <summary>
    /// Gives the project's live categorised milestones positions 1..N in the given order (the
    /// default milestone stays at 0). The caller passes every one of them exactly once.
    /// </summary>
    public void ReorderMilestones(IReadOnlyList<Milestone> ordered)
    {
        if (ordered.Any(m => m.ProjectId != Id || m.IsDefault || m.IsDeleted))
        {
            throw new DomainException("Only the project's own live categorised milestones can be reordered.");
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Reposition(i + 1);
        }

        Raise(new MilestonesReordered(Id, ordered.Select(m => m.Id).ToList()));
    }

    private bool IsLastAdmin(long userId) =>
        _members.All(m => m.UserId == userId || m.Role != ProjectRole.Admin);
}

public sealed class ProjectMember
{
    private ProjectMember() { }

    internal ProjectMember(long userId, ProjectRole role, DateTime addedAt)
    {
        UserId = userId;
        Role = role;
        AddedAt = addedAt;
    }

    public long ProjectId { get; private set; }

    public long UserId { get; private set; }

    public User? User { get; private set; }

    public ProjectRole Role { get; private set; }

    public DateTime AddedAt { get; private set; }

    internal void ChangeRole(ProjectRole role) => Role = role;
}

/// <summary>A partial project update (<see cref="Project.Update"/>): a null field is left unchanged.</summary>
public sealed record ProjectChanges
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public Visibility? Visibility { get; init; }

    public DeadlinePolicy? DeadlinePolicy { get; init; }
}
