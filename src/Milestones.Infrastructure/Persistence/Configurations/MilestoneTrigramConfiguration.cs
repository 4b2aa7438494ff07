using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

/// <summary>
/// The search index. Its key leads with (project, piece), so one piece's entries in a project are one
/// index range, in milestone order; the second index serves the rebuild of one milestone's entries.
/// Pieces are numbers, so no collation (case or accent insensitive on SQL Server) takes part.
/// </summary>
internal sealed class MilestoneTrigramConfiguration : IEntityTypeConfiguration<MilestoneTrigram>
{
    public void Configure(EntityTypeBuilder<MilestoneTrigram> builder)
    {
        builder.HasKey(t => new { t.ProjectId, t.Gram, t.MilestoneId });
        builder.Property(t => t.Gram).ValueGeneratedNever();
        builder.HasIndex(t => t.MilestoneId);
        builder.HasOne<Milestone>().WithMany().HasForeignKey(t => t.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
