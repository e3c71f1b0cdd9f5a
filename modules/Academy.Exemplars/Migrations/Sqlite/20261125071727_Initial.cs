using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Exemplars.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExemplarProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    CapPerTrust = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportingPeriodMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerRequired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarTrusts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OdsCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarTrusts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarParticipations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    Allocation = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    PartnerOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RoadmapMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    MaturityTarget = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarParticipations_ExemplarProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ExemplarProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarParticipations_ExemplarTrusts_TrustId",
                        column: x => x.TrustId,
                        principalTable: "ExemplarTrusts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarParticipations_ProgrammeId_TrustId",
                table: "ExemplarParticipations",
                columns: new[] { "ProgrammeId", "TrustId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarParticipations_TrustId",
                table: "ExemplarParticipations",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarProgrammes_Slug",
                table: "ExemplarProgrammes",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarTrusts_OdsCode",
                table: "ExemplarTrusts",
                column: "OdsCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExemplarParticipations");

            migrationBuilder.DropTable(
                name: "ExemplarProgrammes");

            migrationBuilder.DropTable(
                name: "ExemplarTrusts");
        }
    }
}
