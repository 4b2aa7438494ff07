using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

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
        // Covers the status filter in list order: no sort, no table read until the page's rows.
        builder.HasIndex(m => new { m.ProjectId, m.DeletedAt, m.Status, m.Position });
        builder.HasIndex(m => new { m.ProjectId, m.DueDate });
        builder.HasIndex(m => new { m.ProjectId, m.CreatedAt });
        builder.HasIndex(m => new { m.ProjectId, m.UpdatedAt });
        builder.HasIndex(m => new { m.Status, m.DueDate }).HasDatabaseName("IX_Milestones_Deadline_Sweep");
    }
}
