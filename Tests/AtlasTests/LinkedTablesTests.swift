import Atlas
import Testing

/// The linked-tables model: one cell per quantity, blocks of cells tied by sums.
@Suite struct LinkedTablesTests {
    @Test func theSameQuantityIsOneCellAndBlocksFollowTheSums() {
        var t = LinkedTables()
        let total = t.cell("m|total", label: "monthly total", shown: 19)
        let help = t.cell("m|help", label: "monthly help", shown: nil)
        let info = t.cell("m|info", label: "monthly info", shown: nil)
        t.sum(total, of: [help, info])
        // Published again elsewhere, and shown there: one cell, shown.
        #expect(t.cell("m|help", label: "breakdowns help", shown: 17) == help)
        #expect(t.cells[help].shown == 17 && t.cells[help].label == "monthly help")
        let lone = t.cell("other", label: "other", shown: nil)
        // Blocks are of hidden cells only.
        let blocks = t.blocks()
        #expect(blocks.count == 2)
        #expect(blocks.contains { $0.cells == [info] && $0.equations == [0] })
        #expect(blocks.contains { $0.cells == [lone] && $0.equations.isEmpty })
        #expect(t.hidden == [info, lone] && t.publishedShare == 0.5)
        t.hide(total)
        #expect(t.equations(of: total).count == 1 && t.hidden.count == 3)
        // A sum of nothing, or of a cell with itself, adds no equation.
        t.sum(lone, of: [])
        t.equal([lone], [lone])
        #expect(t.equations.count == 1)
    }

    @Test func theProtectionWidthFollowsTheThreshold() {
        #expect(Suppression(threshold: 5).protectionWidth == 3)
        #expect(Suppression(threshold: 2).protectionWidth == 1)
        #expect(Suppression(threshold: 1).protectionWidth == 1)
    }

    /// A shown cell is a constant: two sums that share only shown cells are two blocks.
    @Test func shownCellsTieNothingTogether() {
        var t = LinkedTables()
        let shared = t.cell("all", label: "all", shown: 40)
        let (a, b) = (t.cell("a", label: "a", shown: nil), t.cell("b", label: "b", shown: nil))
        let (x, y) = (t.cell("x", label: "x", shown: 30), t.cell("y", label: "y", shown: 25))
        t.sum(shared, of: [a, x])
        t.sum(shared, of: [b, y])
        #expect(t.blocks().map(\.cells).sorted { $0[0] < $1[0] } == [[a], [b]])
        // Hidden together in one sum, they are one block.
        t.equal([a], [b])
        #expect(t.blocks().map(\.cells) == [[a, b]] || t.blocks().map(\.cells) == [[b, a]])
    }
}
