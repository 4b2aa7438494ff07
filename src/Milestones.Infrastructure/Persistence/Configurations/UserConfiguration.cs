using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence.Configurations;

// For every configuration in this folder: nothing is ever hard-deleted except memberships, so every
// foreign key but the membership's is Restrict: there is no cascade path at all, let alone several
// (SQL Server refuses those).

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
