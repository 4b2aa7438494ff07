using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.Property(w => w.Url).HasMaxLength(Webhook.UrlMaxLength).IsRequired();
        builder.Ignore(w => w.Events);
        builder.Property<string>("_events").HasColumnName("Events").HasMaxLength(2_000).IsRequired();
        builder.Property(w => w.Secret).HasMaxLength(256).IsRequired();
        // Two dispatchers deactivating it at once: one wins, so webhook.deactivated is written once.
        builder.Property(w => w.Active).IsConcurrencyToken();
        builder.HasOne<Project>().WithMany().HasForeignKey(w => w.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.ProjectId, w.Active });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.EventType).HasMaxLength(64).IsRequired();
        builder.Property(d => d.LeaseOwner).HasMaxLength(64).IsConcurrencyToken();
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.Property(d => d.LastResponseBody).HasMaxLength(4 * WebhookDelivery.ResponseBodyMaxBytes);
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Restrict);
        // The dispatcher's scan: pending and due, oldest first.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.WebhookId, d.Id });
        builder.HasIndex(d => d.CreatedAt);
        builder.HasIndex(d => d.EventId);
    }
}
