using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

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
