using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

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
