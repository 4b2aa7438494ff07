using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milestones.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MilestoneSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Milestones",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Milestones");
        }
    }
}
