// The table `clusterlens explain` regresses (issue 14): an outcome and predictors taken from a
// scored network's actors (every numeric score column, every attribute the input brought, the
// model fields), with categorical predictors coded as dummies and incomplete actors dropped
// listwise, each drop counted with its reason.
//
// - Numeric column: an actor attribute whose every non-empty cell is a number (numbers_of in
//   graphs/actor_values.hpp): the scores of actors.csv, those score keeps only in
//   network.graphml (ei_valued, cp_coreness, ...), mean_tie_strength, and the input's numeric
//   attributes. Empty, NaN or infinite cells are missing.
// - Categorical column: the model fields part, type, locality, group, stage and focal, and any
//   text attribute (typology, country, ...). An empty cell is missing. A categorical predictor
//   with L levels among the actors used becomes L − 1 dummies named `column=level` (1 for the
//   actors at that level), against the reference level: the most frequent one among the actors
//   used, ties broken alphabetically; the dummies follow in alphabetical order of level. With one
//   level only among the actors used it is constant: UsageError.
// - Listwise deletion: an actor is used only when its outcome and every predictor are present.
//   Each dropped actor's reason names every column it misses ("missing ext_share and
//   mean_tie_strength"); the counts per reason say what the dropped actors are when they are
//   all isolates ("(isolates)": 0/0 openness and mean tie strength) or all non-firms with only
//   typology missing ("(not firms: typology is for firms)"), or when the columns they miss all
//   came with the input ("(empty in the input)").
// - mean_tie_strength (add_mean_tie_strength): s_i / k_i, strength over degree, the mean weight
//   of i's ties (learning_capacity.hpp's tie strength indicator before normalisation); NaN for
//   isolates.
// Complexity O(n · columns).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/stats/least_squares.hpp"

namespace clusterlens::scoring {

/// The default predictors: the four dimensions of learning capacity (Wang 2013; domain.md):
/// closeness (centrality), ego_size (size), ext_share (openness), mean_tie_strength (tie
/// strength).
const std::vector<std::string>& learning_dimension_predictors();

/// Adds (or replaces) the actor attribute mean_tie_strength = strength / degree (NaN when the
/// degree is 0) to a network score_relation scored. BackendError when it has no strength or
/// degree.
void add_mean_tie_strength(Network& scored);

/// Numeric and categorical actor columns of `scored`, in its attribute order (model fields
/// first among the categorical ones).
std::vector<std::string> numeric_actor_columns(const Network& scored);
std::vector<std::string> categorical_actor_columns(const Network& scored);

/// One column asked for, over every actor.
struct RegressionVariable {
    std::string name;
    bool categorical = false;
    std::vector<double> numbers;      ///< numeric: per actor (NaN = missing)
    std::vector<std::string> levels;  ///< categorical: per actor ("" = missing)
};

/// A categorical predictor's reference level (the coefficients of its dummies are differences
/// from it).
struct ReferenceLevel {
    std::string predictor, level;
    std::size_t actors = 0;           ///< used actors at the reference level
    std::vector<std::string> others;  ///< the levels that got a dummy, in order
};

struct DroppedActors {
    std::string reason;  ///< "missing ext_share and mean_tie_strength (isolates)"
    std::size_t count = 0;
};

struct RegressionData {
    RegressionVariable outcome;
    std::vector<RegressionVariable> predictors;  ///< as asked, in order
    Design design;                           ///< the terms fitted: rows = the actors used, in order
    std::vector<double> y;                   ///< the outcome of the actors used
    std::vector<std::size_t> rows;           ///< actor index of each row used
    std::vector<std::string> reasons;        ///< per actor: "" when used, else why not
    std::vector<ReferenceLevel> references;  ///< per categorical predictor, in order
    std::vector<DroppedActors> dropped;      ///< by count, most first (ties: by reason)
    std::size_t dropped_total = 0;
};

/// The table of `outcome` on `predictors` over `scored`'s actors, as above. UsageError (each
/// naming the columns one can choose) when the outcome is not a column, or not numeric; when a
/// predictor is not a column, is id or label, is the outcome or is listed twice; when no
/// predictor is given; when no actor has every value (the reasons counted); and when a
/// categorical predictor has one level among the actors used.
/// `input_attributes` (ScoredRelation::input_attributes): the columns the input brought, so
/// that a reason naming only those says "(empty in the input)".
RegressionData regression_data(const Network& scored, const std::string& outcome,
                               const std::vector<std::string>& predictors,
                               const std::vector<std::string>& input_attributes = {});

}  // namespace clusterlens::scoring
