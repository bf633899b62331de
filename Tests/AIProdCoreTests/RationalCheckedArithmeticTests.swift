import AIProdCore
import Foundation
import Testing

@Suite("Rational checked arithmetic")
struct RationalCheckedArithmeticTests {
    @Test("the failable initialiser refuses a zero denominator and values that do not fit")
    func failableInit() {
        #expect(Rational(numerator: 1, denominator: 0) == nil)
        #expect(Rational(numerator: Int64.min, denominator: -1) == nil)
        #expect(Rational(numerator: 1, denominator: Int64.min) == nil)
        #expect(Rational(numerator: 6, denominator: -4) == Rational(-3, 2))
    }

    @Test("Int64.min is reduced without trapping on abs or negation")
    func int64Min() {
        #expect(Rational(Int64.min).numerator == Int64.min)
        #expect(Rational(Int64.min, 2) == Rational(Int64.min / 2))
        #expect(Rational(Int64.min, Int64.min) == Rational(1))
        #expect(Rational(Int64.min) < Rational(Int64.max))
    }

    @Test("checked operations return nil on overflow instead of trapping")
    func checkedOverflow() {
        let huge = Rational(Int64.max)
        #expect(huge.adding(Rational(1)) == nil)
        #expect(Rational(Int64.min).subtracting(Rational(1)) == nil)
        #expect(huge.multiplied(by: Rational(2)) == nil)
        #expect(huge.divided(by: Rational(1, 2)) == nil)
        #expect(Rational(1).divided(by: .zero) == nil)
        #expect(Rational(1, Int64.max).adding(Rational(1, Int64.max - 1)) == nil)
    }

    @Test("results that fit after reduction are exact even when the cross products do not fit")
    func reductionPostponesOverflow() {
        let big = Rational(Int64.max, 3)
        #expect(big.multiplied(by: Rational(3, Int64.max)) == Rational(1))
        #expect(big.subtracting(big) == .zero)
        #expect(Rational(Int64.max - 1, Int64.max) + Rational(1, Int64.max) == Rational(1))
        #expect(big / big == Rational(1))
    }

    @Test("comparison of extreme values never traps and is exact")
    func comparison() {
        #expect(!(Rational(Int64.max - 1, Int64.max) < Rational(Int64.max - 2, Int64.max - 1)))
        #expect(Rational(Int64.max - 2, Int64.max - 1) < Rational(Int64.max - 1, Int64.max))
        #expect(Rational(Int64.min, 3) < Rational(Int64.min + 1, 3))
        #expect(!(Rational(Int64.max) < Rational(Int64.max)))
    }

    @Test("rounding to units is half away from zero, and nil when the count does not fit")
    func rounding() {
        #expect(Rational(5, 2).rounded(toUnitsOf: Rational(1)) == 3)
        #expect(Rational(-5, 2).rounded(toUnitsOf: Rational(1)) == -3)
        #expect(Rational(7, 3).rounded(toUnitsOf: Rational(1)) == 2)
        #expect(Rational(Int64.max, 7).checkedRounded(toUnitsOf: Rational(7)) == Int64.max)
        #expect(Rational(Int64.max).checkedRounded(toUnitsOf: Rational(2)) == nil)
        #expect(Rational(Int64.min).checkedRounded(toUnitsOf: Rational(1)) == Int64.min)
        #expect(Rational(Int64.max, 10).checkedRounded(toUnitsOf: Rational(30000, 1001)) == nil)
    }

    @Test("a value whose decimal form overflows encodes as N/D")
    func encodingExtremes() throws {
        let value = Rational(Int64.max, 8)
        let data = try JSONCoding.encoder.encode([value])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"9223372036854775807/8\""))
        #expect(try JSONCoding.decoder.decode([Rational].self, from: Data("[\"3/8\"]".utf8)) == [Rational(3, 8)])
    }
}
