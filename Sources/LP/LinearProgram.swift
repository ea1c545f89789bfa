import CGLPK

/// A linear program in GLPK: bounded columns, equality rows, and the smallest or largest value
/// of one column subject to them (simplex, warm-started from the previous solve). The problem
/// handle is freed in `deinit`. GLPK's environment is per thread: use one program on one thread.
public final class LinearProgram {
    private let problem: OpaquePointer
    public let columns: Int
    /// The columns with a non-zero objective coefficient (nil before the first solve).
    private var objective: [Int]?

    /// The values a solve can end with.
    public enum Bound: Equatable, Sendable {
        case value(Double)
        case unbounded
        case infeasible
        /// GLPK gave up (numerical trouble): nothing is known.
        case failed
    }

    /// `columns` variables, each with `lower[j] ≤ x[j] ≤ upper[j]` (nil upper: no upper bound).
    public init(lower: [Double], upper: [Double?]) {
        precondition(lower.count == upper.count)
        _ = glp_term_out(GLP_OFF)
        problem = glp_create_prob()
        columns = lower.count
        if columns > 0 { glp_add_cols(problem, Int32(columns)) }
        for j in 0..<columns {
            let (lo, hi) = (lower[j], upper[j])
            let kind = hi.map { $0 == lo ? GLP_FX : GLP_DB } ?? GLP_LO
            glp_set_col_bnds(problem, Int32(j + 1), kind, lo, hi ?? 0)
        }
    }

    deinit { glp_delete_prob(problem) }

    /// Adds the row `Σ coefficient × x[column] = rhs`; columns are 0-based and each appears once.
    /// The GLPK library's version, e.g. "5.0".
    public static var solverVersion: String { String(cString: glp_version()) }

    public func addEquality(_ terms: [(column: Int, coefficient: Double)], equals rhs: Double) {
        precondition(terms.allSatisfy { (0..<columns).contains($0.column) }, "a column outside the program")
        let row = glp_add_rows(problem, 1)
        glp_set_row_bnds(problem, row, GLP_FX, rhs, rhs)
        // GLPK's arrays are 1-based: element 0 is unused.
        var index: [Int32] = [0] + terms.map { Int32($0.column + 1) }
        var value: [Double] = [0] + terms.map(\.coefficient)
        glp_set_mat_row(problem, row, Int32(terms.count), &index, &value)
    }

    /// The smallest (or largest) value of `column` over the feasible set. Each solve starts from
    /// the previous one's basis (no presolver, which would throw that away): a series of solves
    /// over the same constraints costs a few pivots each.
    public func optimum(of column: Int, maximise: Bool) -> Bound {
        precondition((0..<columns).contains(column))
        return solve([(column, 1)], maximise: maximise)
    }

    /// An optimal solution of Σ coefficient × x over `objective` (every column's value), or
    /// nil when the program is unbounded in that direction or infeasible: one solve that gives
    /// a feasible point far out in many directions at once.
    public func solution(_ objective: [(column: Int, coefficient: Double)], maximise: Bool) -> [Double]? {
        guard case .value = solve(objective, maximise: maximise) else { return nil }
        return (0..<columns).map { glp_get_col_prim(problem, Int32($0 + 1)) }
    }

    private func solve(_ terms: [(column: Int, coefficient: Double)], maximise: Bool) -> Bound {
        precondition(terms.allSatisfy { (0..<columns).contains($0.column) })
        if let objective { for c in objective { glp_set_obj_coef(problem, Int32(c + 1), 0) } } else { glp_adv_basis(problem, 0) }
        for t in terms { glp_set_obj_coef(problem, Int32(t.column + 1), t.coefficient) }
        objective = terms.map(\.column)
        glp_set_obj_dir(problem, maximise ? GLP_MAX : GLP_MIN)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        if glp_simplex(problem, &parameters) != 0 {
            // A singular or ill-conditioned basis after many warm starts: start again from a
            // standard basis, and then from scratch with scaling and the presolver.
            glp_std_basis(problem)
            if glp_simplex(problem, &parameters) != 0 {
                glp_scale_prob(problem, Int32(GLP_SF_AUTO))
                glp_std_basis(problem)
                parameters.presolve = GLP_ON
                guard glp_simplex(problem, &parameters) == 0 else { return .failed }
            }
        }
        switch glp_get_status(problem) {
        case GLP_OPT: return .value(glp_get_obj_val(problem))
        case GLP_UNBND: return .unbounded
        default: return .infeasible
        }
    }
}
