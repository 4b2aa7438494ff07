using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milestones.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaddedSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index now holds the pieces of each text padded at its end (SearchText.IndexedPieces), so
            // one- and two-character terms can use it. Emptied here; DatabaseInitializer rebuilds every
            // milestone's entries at startup, in batches, with the index's own writer.
            migrationBuilder.Sql("DELETE FROM \"MilestoneTrigrams\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The padded pieces are a superset of the unpadded ones: an older build still finds everything.
        }
    }
}
