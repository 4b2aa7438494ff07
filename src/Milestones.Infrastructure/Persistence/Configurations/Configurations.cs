using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

// Nothing is ever hard-deleted except memberships, so every foreign key but the membership's is
// Restrict: there is no cascade path at all, let alone several (SQL Server refuses those).

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Username).HasMaxLength(39).IsRequired();
        builder.Property(u => u.NormalizedUsername).HasMaxLength(39).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.HasIndex(u => u.NormalizedUsername).IsUnique();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(12).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(k => k.Scopes)
            .HasConversion(
                v => string.Join(' ', v),
                v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<IReadOnlyList<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
                    v => v.ToList()))
            .HasMaxLength(200)
            .IsRequired();
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => k.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Project.NameMaxLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(Project.DescriptionMaxLength).IsRequired();
        builder.HasQueryFilter(p => p.DeletedAt == null);
        builder.HasIndex(p => new { p.Visibility, p.DeletedAt });
        builder.HasIndex(p => p.OwnerId);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        builder.ToTable("ProjectMembers");
        builder.HasKey(m => new { m.ProjectId, m.UserId });
        builder.HasIndex(m => new { m.UserId, m.Role });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Milestone.TitleMaxLength).IsRequired();
        builder.Property(m => m.NormalizedTitle).HasMaxLength(Milestone.TitleMaxLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(Milestone.DescriptionMaxLength).IsRequired();
        builder.Property(m => m.SearchText).IsRequired();

        // Status is a concurrency token: every update is conditional on the status it was read
        // with, so a manual change and the deadline sweeper can never both transition a milestone.
        builder.Property(m => m.Status).IsConcurrencyToken();
        builder.Property(m => m.DeadlineMissedAt).IsConcurrencyToken();

        builder.HasQueryFilter(m => m.DeletedAt == null);
        builder.HasOne(m => m.Project).WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);

        // A title is unique among a project's live milestones; a deleted one frees it.
        builder.HasIndex(m => new { m.ProjectId, m.NormalizedTitle }).IsUnique().HasFilter("\"DeletedAt\" IS NULL")
            .HasDatabaseName("UX_Milestones_Project_LiveTitle");
        builder.HasIndex(m => new { m.ProjectId, m.DeletedAt, m.Position });
        builder.HasIndex(m => new { m.ProjectId, m.Status });
        builder.HasIndex(m => new { m.ProjectId, m.DueDate });
        builder.HasIndex(m => new { m.ProjectId, m.CreatedAt });
        builder.HasIndex(m => new { m.ProjectId, m.UpdatedAt });
        builder.HasIndex(m => new { m.Status, m.DueDate }).HasDatabaseName("IX_Milestones_Deadline_Sweep");
    }
}

internal sealed class TaskConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> builder)
    {
        builder.ToTable("Tasks");
        builder.Property(t => t.Title).HasMaxLength(TaskItem.TitleMaxLength).IsRequired();
        builder.HasQueryFilter(t => t.DeletedAt == null);
        builder.HasOne(t => t.Milestone).WithMany().HasForeignKey(t => t.MilestoneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.MilestoneId, t.DeletedAt, t.Position });
        builder.HasIndex(t => new { t.ProjectId, t.DeletedAt });
    }
}

internal sealed class SupportConfiguration : IEntityTypeConfiguration<Support>
{
    public void Configure(EntityTypeBuilder<Support> builder)
    {
        builder.Property(s => s.Message).HasMaxLength(Support.MessageMaxLength).IsRequired();
        builder.HasOne<Milestone>().WithMany().HasForeignKey(s => s.MilestoneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.SupporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MilestoneId, s.Status });
        builder.HasIndex(s => new { s.ProjectId, s.Status });
        builder.HasIndex(s => s.SupporterId);
    }
}

internal sealed class ActivityEventConfiguration : IEntityTypeConfiguration<ActivityEvent>
{
    public void Configure(EntityTypeBuilder<ActivityEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Type).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Data).IsRequired();
        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ProjectId, e.Id });
        builder.HasIndex(e => new { e.ProjectId, e.Type, e.Id });
        builder.HasIndex(e => new { e.ProjectId, e.MilestoneId, e.Id });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<Idempotency.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Idempotency.IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.Property(r => r.Key).HasMaxLength(Idempotency.IdempotencyRecord.KeyMaxLength).IsRequired();
        builder.Property(r => r.Route).HasMaxLength(Idempotency.IdempotencyRecord.RouteMaxLength).IsRequired();
        builder.Property(r => r.Fingerprint).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(r => r.Headers).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.Body).IsRequired();
        builder.Ignore(r => r.IsComplete);
        builder.HasOne<Domain.Entities.User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.UserId, r.Key, r.Route }).IsUnique();
        builder.HasIndex(r => r.ExpiresAt);
    }
}
