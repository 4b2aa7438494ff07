using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milestones.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PersonalProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PersonalOwnerId",
                table: "Projects",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PersonalOwnerId",
                table: "Projects",
                column: "PersonalOwnerId",
                unique: true,
                filter: "[PersonalOwnerId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_PersonalOwnerId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "PersonalOwnerId",
                table: "Projects");
        }
    }
}
