#include "src/roles/learning_dimension.hpp"

namespace clusterlens::scoring {
LearningDimensionScores learning_dimensions(const Network& net) {
    require_one_relation(net, "learning_dimensions");
    LearningDimensionScores s;
    s.learning_dimension.reserve(net.tie_count());
    s.linkage.reserve(net.tie_count());
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const Actor& a = net.actor(net.source(e));
        const Actor& b = net.actor(net.target(e));
        const Linkage kind = clusterlens::linkage(a.locality, b.locality);
        std::string linkage(to_string(kind));
        std::string dim = "other";
        if (kind == Linkage::pipeline) {
            dim = "pipeline";
        } else if (kind == Linkage::buzz) {
            const bool fa = is_firm_type(a.type), fb = is_firm_type(b.type);
            if (fa && fb) {
                if (a.stage.empty() || b.stage.empty())
                    dim = "firm_firm";
                else
                    dim = a.stage == b.stage ? "horizontal" : "vertical";
            } else if ((fa && is_institute_type(b.type)) || (fb && is_institute_type(a.type))) {
                dim = "multi_angle";
            }
        }
        ++s.dimension_counts[dim];
        ++s.linkage_counts[linkage];
        s.learning_dimension.push_back(std::move(dim));
        s.linkage.push_back(std::move(linkage));
    }
    return s;
}

}  // namespace clusterlens::scoring
