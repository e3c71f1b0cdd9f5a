using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Exemplars.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Blueprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ParticipationId has no real default: no page wrote blueprints before this migration, so the table is empty.
            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "ExemplarBlueprints",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ParticipationId",
                table: "ExemplarBlueprints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PublishedAt",
                table: "ExemplarBlueprints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBlueprints_ParticipationId",
                table: "ExemplarBlueprints",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBlueprints_Published_CapabilityArea",
                table: "ExemplarBlueprints",
                columns: new[] { "Published", "CapabilityArea" });

            migrationBuilder.AddForeignKey(
                name: "FK_ExemplarBlueprints_ExemplarParticipations_ParticipationId",
                table: "ExemplarBlueprints",
                column: "ParticipationId",
                principalTable: "ExemplarParticipations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ExemplarBlueprints_ExemplarParticipations_ParticipationId",
                table: "ExemplarBlueprints");

            migrationBuilder.DropIndex(
                name: "IX_ExemplarBlueprints_ParticipationId",
                table: "ExemplarBlueprints");

            migrationBuilder.DropIndex(
                name: "IX_ExemplarBlueprints_Published_CapabilityArea",
                table: "ExemplarBlueprints");

            migrationBuilder.DropColumn(
                name: "Author",
                table: "ExemplarBlueprints");

            migrationBuilder.DropColumn(
                name: "ParticipationId",
                table: "ExemplarBlueprints");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ExemplarBlueprints");
        }
    }
}
