using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

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
